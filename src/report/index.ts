export { buildReportModel, type ReportInput } from './build-model.js';
export { checkTemplates, renderMarkdown, TemplateError } from './render.js';
export { BUILTIN_TEMPLATES, TEMPLATE_NAMES, type TemplateName } from './templates.js';
export { findingsJson } from './exporters/findings-json.js';
export { eventsJsonl } from './exporters/events-jsonl.js';
export { eventsCsv, CSV_COLUMNS } from './exporters/events-csv.js';
export type * from './view-model.js';
