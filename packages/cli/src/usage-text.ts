/** The `offerkit --help` text. */
export const USAGE_TEXT = `Usage: offerkit <command> [options]

Commands:
  decode <uri> [--fetch] [--json]
      Print the credential offer inside an offer URI, the profile it matches
      (1.0, draft-11, dual) and what is wrong with it. --fetch resolves a
      credential_offer_uri (5 s timeout). Exit status 1 when problems are found.
  qr <uri>
      Draw the URI as a QR code in the terminal.
  create --url <issuer base URL> --credential <id> [--credential <id> ...]
         [--token <token>] [--pre-authorized] [--tx-code] [--tx-code-length <n>]
         [--tx-code-mode numeric|text] [--expires-in <seconds>] [--user-id <uuid>] [--qr]
      Create an offer through a running issuer's management API and print the
      response. The token may also come from OFFERKIT_TOKEN (keeps it out of
      the process list). Exit status 1 on an HTTP error, after printing the
      error envelope.

Options:
  -h, --help      Show this help.
  -v, --version   Show the version.

Exit status: 0 success, 1 problems / HTTP or network error, 2 wrong usage.`;
