// Options for every @larksuiteoapi/node-sdk object. The SDK logs failed requests with their
// config, which for the token call includes the app secret; it stays silent and the adapter
// logs what it needs itself.
import * as lark from '@larksuiteoapi/node-sdk';

const quiet = { error() {}, warn() {}, info() {}, debug() {}, trace() {} };
export const sdkOptions = { loggerLevel: lark.LoggerLevel.fatal, logger: quiet };
