import type { ApolloServerPlugin } from '@apollo/server';
import {
  DocumentNode,
  getNullableType,
  GraphQLError,
  GraphQLInputType,
  GraphQLSchema,
  isInputObjectType,
  isListType,
  isScalarType,
  Kind,
  OperationDefinitionNode,
  TypeInfo,
  typeFromAST,
  ValueNode,
  visit,
  visitWithTypeInfo,
} from 'graphql';

/** Ids of this API are PostgreSQL `integer` keys: 1 … 2³¹−1. */
const MAX_ID = 2_147_483_647;

/** Whether a value is an `ID` of this API: a positive integer (written as a string, or a number) that fits the keys. */
export function isApiId(value: unknown): boolean {
  const text = typeof value === 'number' ? String(value) : value;
  return typeof text === 'string' && /^[1-9][0-9]{0,9}$/.test(text) && Number(text) <= MAX_ID;
}

/**
 * Why a text cannot be stored: PostgreSQL refuses NUL in text, and an unpaired UTF-16 surrogate is
 * not Unicode (it cannot be encoded as UTF-8). Null when the text is fine.
 */
export function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain NUL characters';
  if (/\p{Cs}/u.test(text)) return 'must not contain unpaired UTF-16 surrogates';
  return null;
}

interface Problem {
  field: string;
  message: string;
}

/** Where a value sits: the argument's name, or inside an input object the field path relative to it (as the validation pipe names fields). */
interface Place {
  path: string;
  top: boolean;
}

const child = (place: Place, key: string): Place => ({ path: place.top ? key : `${place.path}.${key}`, top: false });

function checkLeaf(type: GraphQLInputType, value: unknown, place: Place, out: Problem[], depth = 0): void {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    if (problem) out.push({ field: place.path, message: `${place.path} ${problem}` });
  } else if (depth < 20 && value && typeof value === 'object') {
    // a JSON scalar: every string inside it
    for (const v of Object.values(value)) checkLeaf(type, v, place, out, depth + 1);
  }
  if (getNullableType(type).toString() === 'ID' && (typeof value === 'string' || typeof value === 'number') && !isApiId(value)) {
    out.push({ field: place.path, message: `${place.path} must be an id of this API (a positive integer up to ${MAX_ID})` });
  }
}

/** A variable's value as the client sent it (before coercion, which reports wrong types itself). */
function checkValue(type: GraphQLInputType, value: unknown, place: Place, out: Problem[]): void {
  if (value === null || value === undefined) return;
  const t = getNullableType(type);
  if (isListType(t)) {
    for (const item of Array.isArray(value) ? value : [value]) checkValue(t.ofType, item, place, out);
  } else if (isInputObjectType(t)) {
    if (typeof value !== 'object' || Array.isArray(value)) return;
    const defs = t.getFields();
    for (const [key, v] of Object.entries(value)) if (defs[key]) checkValue(defs[key].type, v, child(place, key), out);
  } else if (isScalarType(t)) {
    checkLeaf(t, value, place, out);
  }
}

/** A literal in the query text; variables met inside it are noted with their place, to be checked with their values. */
function checkLiteral(type: GraphQLInputType, node: ValueNode, place: Place, out: Problem[], uses: Map<string, Place>): void {
  if (node.kind === Kind.VARIABLE) {
    uses.set(node.name.value, place);
    return;
  }
  const t = getNullableType(type);
  if (isListType(t)) {
    for (const item of node.kind === Kind.LIST ? node.values : [node]) checkLiteral(t.ofType, item, place, out, uses);
  } else if (isInputObjectType(t)) {
    if (node.kind !== Kind.OBJECT) return;
    const defs = t.getFields();
    for (const f of node.fields) {
      if (defs[f.name.value]) checkLiteral(defs[f.name.value].type, f.value, child(place, f.name.value), out, uses);
    }
  } else if (isScalarType(t)) {
    if (node.kind === Kind.STRING || node.kind === Kind.INT || node.kind === Kind.FLOAT) checkLeaf(t, node.value, place, out);
    else if (node.kind === Kind.OBJECT || node.kind === Kind.LIST) checkLeaf(t, literalStrings(node), place, out);
  }
}

/** The strings inside an object or list literal of a JSON scalar. */
function literalStrings(node: ValueNode): unknown {
  if (node.kind === Kind.STRING) return node.value;
  if (node.kind === Kind.LIST) return node.values.map(literalStrings);
  if (node.kind === Kind.OBJECT) return node.fields.map((f) => literalStrings(f.value));
  return null;
}

/** Every problem in the arguments of an operation (literals and variables), named as the validation pipe names fields. */
export function inputProblems(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
): Problem[] {
  const out: Problem[] = [];
  const uses = new Map<string, Place>();
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const def = typeInfo.getArgument();
        if (def) checkLiteral(def.type, node.value, { path: node.name.value, top: true }, out, uses);
      },
    }),
  );
  for (const def of operation.variableDefinitions ?? []) {
    const name = def.variable.name.value;
    const type = typeFromAST(schema, def.type as never) as GraphQLInputType | undefined;
    if (type) checkValue(type, variables[name], uses.get(name) ?? { path: name, top: true }, out);
  }
  return out;
}

/**
 * Refuses, before anything executes, any argument or input field (in the query text or in the
 * variables) holding an `ID` that is not an id of this API, or text PostgreSQL would refuse: one
 * place for every query and mutation, so no such value reaches SQL (where it would be a 500).
 */
export const inputChecksPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ schema, document, operation, request }) {
        if (!operation) return;
        const problems = inputProblems(schema, document, operation, request.variables);
        if (!problems.length) return;
        throw new GraphQLError(problems.map((p) => p.message).join('; '), {
          extensions: { code: 'BAD_USER_INPUT', fields: [...new Set(problems.map((p) => p.field))], http: { status: 400 } },
        });
      },
    };
  },
};
