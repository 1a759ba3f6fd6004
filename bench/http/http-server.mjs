// One HTTP variant in its own process on 127.0.0.1 (ephemeral port). argv[2]: variant. Prints {"port"} once
// listening and serves until killed.
import { createServer } from 'node:http';
import { createOfferKitRouter } from '@offerkit/adapter-express';
import { createOfferKitMiddleware } from '@offerkit/adapter-koa';
import express from 'express';
import Koa from 'koa';
import { BENCH_TOKEN, createBenchIssuer } from '../lib/bench-issuer.mjs';
import { readJsonRequest } from '../lib/read-json-request.mjs';

const ROUTE = '/v1/openid/offers/pre-authorized';
const EXPECTED_AUTHORIZATION = `Bearer ${BENCH_TOKEN}`;
const issuer = createBenchIssuer();

// The bare handlers do what a hand-written route would: a plain bearer string check, parse JSON, call the
// same core function, answer 201 JSON with no-store (or the error's status).
function statusOf(error) {
  return typeof error?.status === 'number' ? error.status : 500;
}

function createListener(variant) {
  switch (variant) {
    case 'express-offerkit': {
      const app = express();
      app.use(createOfferKitRouter(issuer, { auth: { tokens: [BENCH_TOKEN] } }));
      return app;
    }
    case 'express-bare': {
      const app = express();
      app.post(ROUTE, express.json({ limit: '32kb' }), async (req, res) => {
        if (req.headers.authorization !== EXPECTED_AUTHORIZATION) {
          res.status(401).json({ code: 'Unauthorized' });
          return;
        }
        try {
          const result = await issuer.createPreAuthorizedOffer(req.body);
          res.status(201).set('cache-control', 'no-store').json(result);
        } catch (error) {
          res.status(statusOf(error)).json({ code: error.code, message: error.message });
        }
      });
      return app;
    }
    case 'koa-offerkit': {
      const app = new Koa();
      app.use(createOfferKitMiddleware(issuer, { auth: { tokens: [BENCH_TOKEN] } }));
      return app.callback();
    }
    case 'koa-bare': {
      const app = new Koa();
      app.use(async (ctx, next) => {
        if (ctx.method !== 'POST' || ctx.path !== ROUTE) return next();
        if (ctx.get('authorization') !== EXPECTED_AUTHORIZATION) {
          ctx.status = 401;
          ctx.body = { code: 'Unauthorized' };
          return;
        }
        try {
          const result = await issuer.createPreAuthorizedOffer(await readJsonRequest(ctx.req));
          ctx.status = 201;
          ctx.set('cache-control', 'no-store');
          ctx.body = result;
        } catch (error) {
          ctx.status = statusOf(error);
          ctx.body = { code: error.code, message: error.message };
        }
      });
      return app.callback();
    }
    case 'node-http': {
      return async (req, res) => {
        if (req.method !== 'POST' || req.url !== ROUTE) {
          res.writeHead(404).end();
          return;
        }
        if (req.headers.authorization !== EXPECTED_AUTHORIZATION) {
          res.writeHead(401, { 'content-type': 'application/json' }).end('{"code":"Unauthorized"}');
          return;
        }
        let status = 201;
        let body;
        try {
          body = await issuer.createPreAuthorizedOffer(await readJsonRequest(req));
        } catch (error) {
          status = statusOf(error);
          body = { code: error.code, message: error.message };
        }
        res
          .writeHead(status, {
            'content-type': 'application/json; charset=utf-8',
            'cache-control': 'no-store',
          })
          .end(JSON.stringify(body));
      };
    }
    default:
      throw new Error(`unknown variant ${variant}`);
  }
}

const server = createServer(createListener(process.argv[2]));
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
