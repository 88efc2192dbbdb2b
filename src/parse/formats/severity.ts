import type { Severity } from '../../model/index.js';

/** syslog severities by number (RFC 5424 PRI & 7, journal PRIORITY, printk level). */
export const SEVERITY_BY_NUMBER: readonly Severity[] = [
  'emergency',
  'alert',
  'critical',
  'error',
  'warning',
  'notice',
  'info',
  'debug',
];

/** The severity of a level number 0..7, or undefined. */
export function severityOf(level: number): Severity | undefined {
  return Number.isInteger(level) ? SEVERITY_BY_NUMBER[level] : undefined;
}

/** `dmesg -x` level names (`err`, `warn`, ...) as printed by util-linux. */
export const DMESG_LEVELS: Record<string, Severity> = {
  emerg: 'emergency',
  alert: 'alert',
  crit: 'critical',
  err: 'error',
  warn: 'warning',
  notice: 'notice',
  info: 'info',
  debug: 'debug',
};

/** syslog facility names by number, as `dmesg -x` and RFC 5424 use them. */
export const FACILITY_NAMES: readonly string[] = [
  'kern',
  'user',
  'mail',
  'daemon',
  'auth',
  'syslog',
  'lpr',
  'news',
  'uucp',
  'cron',
  'authpriv',
  'ftp',
  'ntp',
  'security',
  'console',
  'solaris-cron',
  'local0',
  'local1',
  'local2',
  'local3',
  'local4',
  'local5',
  'local6',
  'local7',
];
