export { analyze, finishAnalysis, scanConfig, scanInputs, isNotable, PatternLoadError, VERSION, type Analysis, type AnalyzeOptions } from './analyze.js';
export { compareWithExpected, isSubsequence, parseTolerance, type Expected, type CountSpec, type CheckProblem } from './check.js';
export { BUILTIN_PATTERNS, loadSignatureSet, prepareSignatures, compilePayload, type SignaturePayload, type PreparedSignatures } from './signature-set.js';
export { scanFile, type ScanDeps, type ScanOptions, type FormatRegistry, type ScanMatcher } from './scan-file.js';
export { scanDeps, scanOptions, type ScanConfig } from './scan-deps.js';
export { knownHosts, redactAnalysis } from './redact.js';
export { collectGarbage } from './memory.js';
export { shareReceived } from './record-strings.js';
export { phase } from './timings.js';
