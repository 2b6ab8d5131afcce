// Options for every @larksuiteoapi/node-sdk object. The SDK logs failed requests with their
// config, which for the token call includes the app secret; it stays silent and the adapter
// logs what it needs itself.
import * as lark from '@larksuiteoapi/node-sdk';

const quiet = { error() {}, warn() {}, info() {}, debug() {}, trace() {} };
export const sdkOptions = { loggerLevel: lark.LoggerLevel.fatal, logger: quiet };

/** The SDK's HTTP client has no timeout: a Feishu that never answers would hold the connection
 * (and, before the outbound worker's own bound, the worker slot) forever. Every call gets one. */
export function httpWithTimeout(ms: number): lark.HttpInstance {
  const base = lark.defaultHttpInstance as unknown as lark.HttpInstance;
  const t = <O extends { timeout?: number }>(o?: O) => ({ ...o, timeout: o?.timeout ?? ms });
  return {
    request: (o) => base.request(t(o)),
    get: (url, o) => base.get(url, t(o)),
    delete: (url, o) => base.delete(url, t(o)),
    head: (url, o) => base.head(url, t(o)),
    options: (url, o) => base.options(url, t(o)),
    post: (url, data, o) => base.post(url, data, t(o)),
    put: (url, data, o) => base.put(url, data, t(o)),
    patch: (url, data, o) => base.patch(url, data, t(o)),
  };
}
