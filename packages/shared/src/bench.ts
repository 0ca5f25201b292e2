// The benchmark's entry, `@sandbox/shared/bench`: what `pnpm bench` measures beside the
// sandbox's own path and no server uses, kept out of the public barrel (index.ts).
export {
  createStockSamlifyFlow,
  type StockSamlifyClaim,
  type StockSamlifyFlow,
  type StockSamlifyParty,
} from './saml/samlify'
