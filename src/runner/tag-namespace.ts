/**
 * Fresh, tagged keys for the records one property run writes (Trustly `externalId`, Trustist
 * `orgId`): `<tag>-<label>-<n>.`, unique within the run for each label. A property's values are
 * replayed while fast-check shrinks, so a key drawn from an arbitrary would be reused and meet
 * the record its first run created; the key must come from here, inside the predicate. The
 * closing `.` keeps one key from being a prefix of another (`...-1.` vs `...-10.`), so a target
 * that filters by prefix cannot mix the records of two runs; append suffixes after it.
 */
export class TagNamespace {
  private count = 0;

  constructor(
    readonly tag: string,
    readonly label: string,
  ) {}

  next(): string {
    this.count += 1;
    return `${this.tag}-${this.label}-${this.count}.`;
  }
}
