// Placeholder while issue #23's slice is built: what to offer this client next.
export function ClientOffers(_props: { contactId: string }) {
  return null;
}
