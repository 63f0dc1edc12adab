import { registerBodies } from '../../kinds/record-bodies.ts';
import { customerBodies } from './arbitraries.ts';

// The generic kinds draw Trustly customers with every optional property set (the most an update
// can get wrong), in plain text; the variant 'rich' (a rule's params.bodies) draws any subset of
// them in rich text, for the rules about stored values (astral characters, combining marks, long
// names; unset properties).
registerBodies('trustly', (ctx, variant) => customerBodies(ctx, variant === 'rich' ? { style: 'rich' } : { style: 'plain', complete: true }));
