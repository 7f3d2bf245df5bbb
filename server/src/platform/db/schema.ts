import type { AgreementsTables } from "../../modules/agreements/index.ts";
import type { ConsentTables } from "../../modules/consent/index.ts";
import type { IdentityTables } from "../../modules/identity/index.ts";
import type { ReportsTables } from "../../modules/reports/index.ts";
import type { TransparencyTables } from "../../modules/transparency/index.ts";

/** Every table, by owning module. A module queries only its own tables. */
export interface DatabaseSchema
  extends IdentityTables,
    AgreementsTables,
    ReportsTables,
    TransparencyTables,
    ConsentTables {}
