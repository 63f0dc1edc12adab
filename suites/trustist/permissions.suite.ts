import { registerChecks } from '../../src/harness/register-checks.ts';
import { permissionsChecks } from './permissions.checks.ts';

registerChecks('trustist', 'permissions', permissionsChecks);
