import fc from 'fast-check';
import { alphanumeric, CROSS, digits } from './styled-text.ts';

// The data the suite writes lands in someone's real sandbox, where nobody can delete it: whatever
// looks personal is fictional on sight. Phone numbers come from the ranges reserved for fiction
// (US 555-0100..0199 in any area code, UK 07700 900000..900999), tax and national ids use the
// never-issued area 000 or 666, licence and person ids start with TEST. The formats keep their variety.

const usArea = fc.tuple(fc.integer({ min: 2, max: 9 }), digits(2, 2)).map(([a, bc]) => `${a}${bc}`);
const fictionalLine = digits(2, 2).map((d) => `01${d}`);

/** Phone numbers in several spellings, every one in a range reserved for fiction. */
export function fictionalPhone(): fc.Arbitrary<string> {
  return fc.oneof(
    CROSS,
    fc.tuple(usArea, fictionalLine).map(([area, line]) => `+1${area}555${line}`),
    fc.tuple(usArea, fictionalLine).map(([area, line]) => `+1 ${area} 555 ${line}`),
    fc.tuple(usArea, fictionalLine).map(([area, line]) => `(${area}) 555-${line}`),
    digits(3, 3).map((d) => `+44 7700 900${d}`),
  );
}

/** Tax ids no one holds (SSN area 000 or 666 is never issued, nor is either an ITIN), or masked ones. */
export function fictionalTaxId(): fc.Arbitrary<string> {
  const never = fc.tuple(fc.constantFrom('000', '666'), digits(6, 6)).map(([area, rest]) => area + rest);
  return fc.oneof(CROSS, never, digits(4, 4).map((d) => `#####${d}`));
}

/** National ids in the never-issued areas 000 and 666. */
export function fictionalNationalId(): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom('000', '666'), digits(3, 9)).map(([area, rest]) => area + rest);
}

/** Identifiers marked as test data: TEST and `minLength`..`maxLength` letters and digits. */
export function testId(minLength: number, maxLength: number): fc.Arbitrary<string> {
  return alphanumeric(minLength, maxLength).map((id) => `TEST${id}`);
}
