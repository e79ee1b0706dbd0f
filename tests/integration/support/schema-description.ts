import { getDMMF } from "@prisma/get-dmmf";
import type pg from "pg";

/**
 * Two descriptions of the same database shape, one line per fact, so that a failing comparison shows the
 * drift as a readable diff:
 * - from schema.prisma (what Prisma Client believes), via Prisma's own schema parser (WebAssembly);
 * - from a database the migrations built, via PostgreSQL's catalog.
 * Facts: tables, columns (type, nullability, whether there is a default), primary keys, unique and plain
 * indexes, foreign keys (with ON DELETE) and enums with their values in order. CHECK constraints,
 * triggers and indexes on expressions exist only in the migrations (Prisma cannot express them), so they
 * are not compared.
 */

type DmmfField = {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object" | "unsupported";
  type: string;
  isRequired: boolean;
  isList: boolean;
  hasDefaultValue: boolean;
  isUpdatedAt: boolean;
  nativeType: [string, string[]] | null;
  default?: unknown;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
};
type DmmfModel = { name: string; dbName: string | null; fields: DmmfField[] };
type DmmfEnum = { name: string; dbName: string | null; values: { name: string; dbName: string | null }[] };
type DmmfIndex = { model: string; type: "id" | "unique" | "normal" | "fulltext"; fields: { name: string }[] };
type Dmmf = { datamodel: { models: DmmfModel[]; enums: DmmfEnum[]; indexes: DmmfIndex[] } };

function columnType(field: DmmfField, enums: Map<string, string>): string {
  if (field.kind === "enum") return enums.get(field.type) ?? field.type;
  const [native, args] = field.nativeType ?? [undefined, []];
  const arg = args[0];
  switch (native) {
    case "Uuid":
      return "uuid";
    case "VarChar":
      return arg ? `character varying(${arg})` : "character varying";
    case "Char":
      return `character(${arg ?? 1})`;
    case "Text":
      return "text";
    case "Date":
      return "date";
    case "Timestamptz":
      return `timestamp(${arg ?? 6}) with time zone`;
    case "Timestamp":
      return `timestamp(${arg ?? 6}) without time zone`;
    case undefined:
      break;
    default:
      return `unmapped native type ${native}`;
  }
  const scalar: Record<string, string> = {
    String: "text",
    Int: "integer",
    BigInt: "bigint",
    Boolean: "boolean",
    Json: "jsonb",
    Bytes: "bytea",
    Float: "double precision",
    DateTime: "timestamp(3) without time zone",
    Decimal: "numeric(65,30)",
  };
  return scalar[field.type] ?? `unmapped type ${field.type}`;
}

/** Prisma's defaults when a relation does not say: Restrict when required, SetNull when optional. */
function onDeleteOf(field: DmmfField, fromFields: DmmfField[]): string {
  const action = field.relationOnDelete ?? (fromFields.every((f) => f.isRequired) ? "Restrict" : "SetNull");
  return action.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

export function describePrismaSchema(schema: string): string[] {
  const dmmf = getDMMF({ datamodel: schema }) as unknown as Dmmf | { reason: string; error: Error };
  if ("error" in dmmf) throw new Error(`The Prisma schema does not parse: ${dmmf.reason}: ${dmmf.error.message}`);
  const { models, enums, indexes } = dmmf.datamodel;
  const enumNames = new Map(enums.map((e) => [e.name, e.dbName ?? e.name]));
  const tableOf = new Map(models.map((m) => [m.name, m.dbName ?? m.name]));
  const facts: string[] = [];

  for (const e of enums) {
    facts.push(`enum ${e.dbName ?? e.name}: ${e.values.map((v) => v.dbName ?? v.name).join(", ")}`);
  }
  for (const model of models) {
    const table = model.dbName ?? model.name;
    const columnOf = new Map(model.fields.map((f) => [f.name, f.dbName ?? f.name]));
    facts.push(`table ${table}`);
    for (const field of model.fields) {
      if (field.kind === "object") {
        if (!field.relationFromFields?.length) continue;
        const from = field.relationFromFields.map((n) => columnOf.get(n) ?? n);
        const target = models.find((m) => m.name === field.type);
        const targetColumns = (field.relationToFields ?? []).map(
          (n) => target?.fields.find((f) => f.name === n)?.dbName ?? n,
        );
        const fromFields = model.fields.filter((f) => field.relationFromFields?.includes(f.name));
        facts.push(
          `foreign key ${table}(${from.join(", ")}) -> ${tableOf.get(field.type)}(${targetColumns.join(", ")}) on delete ${onDeleteOf(field, fromFields)}`,
        );
        continue;
      }
      const hasDbDefault = field.hasDefaultValue && !field.isUpdatedAt;
      facts.push(
        `column ${table}.${field.dbName ?? field.name} ${columnType(field, enumNames)}${field.isList ? "[]" : ""}` +
          `${field.isRequired ? " not null" : " null"}${hasDbDefault ? " with default" : ""}`,
      );
    }
    for (const index of indexes.filter((i) => i.model === model.name)) {
      const cols = index.fields.map((f) => columnOf.get(f.name) ?? f.name).join(", ");
      const kind = index.type === "id" ? "primary key" : index.type === "unique" ? "unique index" : "index";
      facts.push(`${kind} ${table}(${cols})`);
    }
  }
  return facts.sort();
}

/**
 * Indexes on expressions or with a WHERE clause (a partial unique index, such as one draft per question
 * set) cannot be written in schema.prisma, so they live in the migrations only and are not compared.
 */
export async function describeDatabase(client: pg.ClientBase): Promise<string[]> {
  const facts: string[] = [];
  const enums = await client.query<{ name: string; labels: string[] }>(`
    select t.typname as name, array_agg(e.enumlabel::text order by e.enumsortorder) as labels
    from pg_type t join pg_enum e on e.enumtypid = t.oid
    join pg_namespace n on n.oid = t.typnamespace and n.nspname = 'public'
    group by t.typname`);
  for (const e of enums.rows) facts.push(`enum ${e.name}: ${e.labels.join(", ")}`);

  const tables = await client.query<{ name: string }>(`
    select tablename as name from pg_tables where schemaname = 'public' and tablename not in ('_prisma_migrations', '_database_functions')`);
  for (const t of tables.rows) facts.push(`table ${t.name}`);

  const columns = await client.query<{
    tbl: string;
    col: string;
    type: string;
    notnull: boolean;
    hasdefault: boolean;
  }>(`
    select c.relname as tbl, a.attname as col, format_type(a.atttypid, a.atttypmod) as type,
           a.attnotnull as notnull, a.atthasdef as hasdefault
    from pg_attribute a join pg_class c on c.oid = a.attrelid
    join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
    where c.relkind = 'r' and a.attnum > 0 and not a.attisdropped and c.relname not in ('_prisma_migrations', '_database_functions')`);
  for (const c of columns.rows) {
    // A PostgreSQL array of an enum shows as "name[]"; bigserial as bigint with a default.
    facts.push(
      `column ${c.tbl}.${c.col} ${c.type.replace(/^"(.*)"$/, "$1")}${c.notnull ? " not null" : " null"}${c.hasdefault ? " with default" : ""}`,
    );
  }

  const indexes = await client.query<{ tbl: string; cols: string[]; isprimary: boolean; isunique: boolean }>(`
    select t.relname as tbl, i.indisprimary as isprimary, i.indisunique as isunique,
           array(select a.attname::text from unnest(i.indkey) with ordinality k(attnum, ord)
                 join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum order by k.ord) as cols
    from pg_index i join pg_class t on t.oid = i.indrelid
    join pg_namespace n on n.oid = t.relnamespace and n.nspname = 'public'
    where t.relname not in ('_prisma_migrations', '_database_functions') and i.indexprs is null and i.indpred is null`);
  for (const i of indexes.rows) {
    const kind = i.isprimary ? "primary key" : i.isunique ? "unique index" : "index";
    facts.push(`${kind} ${i.tbl}(${i.cols.join(", ")})`);
  }

  const fks = await client.query<{ tbl: string; cols: string[]; ref: string; refcols: string[]; action: string }>(`
    select c.conrelid::regclass::text as tbl, c.confrelid::regclass::text as ref,
           array(select a.attname::text from unnest(c.conkey) with ordinality k(attnum, ord)
                 join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum order by k.ord) as cols,
           array(select a.attname::text from unnest(c.confkey) with ordinality k(attnum, ord)
                 join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.attnum order by k.ord) as refcols,
           case c.confdeltype when 'a' then 'no action' when 'r' then 'restrict' when 'c' then 'cascade'
                              when 'n' then 'set null' when 'd' then 'set default' end as action
    from pg_constraint c join pg_namespace n on n.oid = c.connamespace and n.nspname = 'public'
    where c.contype = 'f'`);
  for (const f of fks.rows) {
    const unquote = (s: string) => s.replace(/^"(.*)"$/, "$1");
    facts.push(
      `foreign key ${unquote(f.tbl)}(${f.cols.join(", ")}) -> ${unquote(f.ref)}(${f.refcols.join(", ")}) on delete ${f.action}`,
    );
  }
  return facts.sort();
}
