import type { StoreFactory, StoresUnderTest } from './store-factory.js';

/** Runs `body` with fresh stores from `factory`, always calling their `cleanup` afterwards. */
export async function useFreshStores<T>(
  factory: StoreFactory,
  body: (stores: StoresUnderTest) => Promise<T>,
): Promise<T> {
  const stores = await factory();
  try {
    return await body(stores);
  } finally {
    await stores.cleanup?.();
  }
}
