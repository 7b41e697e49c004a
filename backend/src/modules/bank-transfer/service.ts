import { MedusaService } from "@medusajs/framework/utils"
import { BankTransaction } from "./models/bank-transaction"

export default class BankTransferModuleService extends MedusaService({ BankTransaction }) {}
