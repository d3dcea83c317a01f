// Placeholder (issue #20): the data quality page is being built.
export function QualityPage() {
  return null;
}
