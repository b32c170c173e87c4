import { runEmbeddedContract } from './embedded-contract.js';

// The whole contract again, with every search answered by a worker thread on its own read-only connection.
runEmbeddedContract('embedded, searching on a worker thread', { searchWorkers: 1 });
