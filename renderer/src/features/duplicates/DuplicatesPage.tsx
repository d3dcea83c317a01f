// Placeholder (issue #20): the duplicates view is being built.
export function DuplicatesPage() {
  return null;
}
