// The kinds draw this vendor's bodies from its spec (x-conform-values, src/kinds/record-bodies.ts):
// nothing is registered any more. The module stays only for the suites that still import it.
export {};
