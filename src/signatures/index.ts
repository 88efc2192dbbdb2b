export { type PatternSet, type LoadOptions, loadPatterns, readSignature, locate } from './load.js';
export { signatureSchema, signatureSchemaJson } from './schema.js';
export { type RegexCheck, checkRegex } from './safe-regex.js';
export { requiredLiterals, escapedVariants, MIN_LITERAL } from './literals.js';
export {
  type EntityConfig,
  type KindRule,
  type Extractor,
  type Derivation,
  EMPTY_ENTITY_CONFIG,
  normalizeEntity,
  pathEntities,
  fieldEntities,
  type FieldRule,
  type PathRule,
  sameEntity,
} from './entities-config.js';
export {
  type ParamOverrides,
  type ParamValue,
  type EvidenceLookup,
  parseDuration,
  formatDuration,
  paramValue,
  resolveValue,
  resolveDuration,
  durationTerms,
  type ResolvedDuration,
  parseParamArgs,
  checkOverrides,
} from './params.js';
export { type CompiledCondition, type ConditionContext, compileCondition } from './conditions.js';
export { type CompiledSignatures, type CompileOptions, type TimingRow, compileSignatures } from './compile.js';
export { formatTiming } from './match.js';
export { type Template, STANDARD_NAMES, compileTemplate } from './templates.js';
export { captureNames, captureKey, memberIds, placeholderNames, regexList } from './names.js';
export {
  type LineParser,
  type TextParser,
  type ExampleCorrelator,
  type StateLoader,
  type ExampleFailure,
  type ExampleReport,
  type ExampleOptions,
  runExamples,
} from './selftest.js';
export { type FormatSource, formatLineParser, formatStateLoader, formatTextParser } from './line-parser.js';
export { literalCostDiagnostics } from './literal-cost.js';
