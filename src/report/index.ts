export { buildReportModel, type ReportInput } from './build-model.js';
export { renderMarkdown, TemplateError } from './render.js';
export { BUILTIN_TEMPLATES, TEMPLATE_NAMES, type TemplateName } from './templates.js';
export type * from './view-model.js';
