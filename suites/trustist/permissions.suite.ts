import { registerChecks } from '../../src/vitest/register-checks.ts';
import { permissionsChecks } from './permissions.checks.ts';

registerChecks('trustist', 'permissions', permissionsChecks);
