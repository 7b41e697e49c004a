/** Medusa's id of the card provider (`pp_<identifier>_<id>`): identifier "stripe", registered with id "stripe". */
export const STRIPE_PROVIDER_ID = "pp_stripe_stripe"
