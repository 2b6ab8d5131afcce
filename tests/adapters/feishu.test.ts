// The Feishu/Lark adapter: the shared contract, then what only Feishu has.
import { runContractSuite } from './contract-suite.js';
import { feishuHarness } from './fakes/feishu-rig.js';

runContractSuite(feishuHarness);
