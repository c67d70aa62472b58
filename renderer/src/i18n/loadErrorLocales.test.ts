import { describe } from 'vitest';
import { LOAD_ERROR_MESSAGES } from '../../../shared/records/loadErrorCodes.ts';
import descriptions from './locales/loadErrors.descriptions.json';
import zhCN from './locales/loadErrors.zh-CN.json';
import { itKeepsLocalesInStep } from '../testing/localeParity.ts';

// The English side of the namespace is the catalog in shared/records (the parsers' own wording),
// keyed by load error code: every code needs a Chinese text and a translator description.
describe('the loadErrors namespace', () => {
  itKeepsLocalesInStep(LOAD_ERROR_MESSAGES, zhCN, descriptions);
});
