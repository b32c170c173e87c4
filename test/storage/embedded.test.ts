import { runEmbeddedContract } from './embedded-contract.js';

runEmbeddedContract('embedded');
