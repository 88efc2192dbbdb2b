// `node dist/report/precompile-main.js`: the build step that writes the precompiled built-in
// templates beside precompiled.js. A module of its own, imported by nothing: a "run as main"
// check inside precompiled.js would also fire in the bundle, where that module is part of
// main.js (running `node dist/bundle/main.js` wrote the specs into dist/bundle and printed to
// stdout).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSpecs } from './precompiled.js';

const n = writeSpecs(path.dirname(fileURLToPath(import.meta.url)));
process.stdout.write(`precompiled ${n} built-in templates\n`);
