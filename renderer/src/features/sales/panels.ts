// What other features may embed from sales suggestions: a client's "Offer next" hints.
export { ClientOffers } from './ClientOffers';
