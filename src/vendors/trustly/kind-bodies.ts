import { registerBodies } from '../../kinds/record-bodies.ts';
import { customerBodies } from './arbitraries.ts';

// The generic kinds draw Trustly customers with every optional property set (the most an update
// can get wrong), in plain text: stored-text rules are the vendor's own (round-trip, create.schema).
registerBodies('trustly', (ctx) => customerBodies(ctx, { style: 'plain', complete: true }));
