import { registerBodies } from '../../kinds/record-bodies.ts';
import { fullCreateBody } from './arbitraries.ts';

// The generic kinds draw Trustist customers with every documented field set (address fields too):
// the record an update has most to get wrong on.
registerBodies('trustist', (ctx) => fullCreateBody(ctx.spec));
