// Prints the oracle corpus as JSON on stdout (input of test/yaml/oracle).
import { buildCorpus } from './index.js';

process.stdout.write(JSON.stringify(buildCorpus()) + '\n');
