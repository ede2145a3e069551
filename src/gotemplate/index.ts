/**
 * Go's text/template in TypeScript. See template.ts for the API, value.ts for the Go value model and
 * fmt/print.ts for Go's fmt.
 */
export { Template, TemplateOptionError, type FuncMap } from './template.js';
export { TemplateParseError, TemplateExecError, TemplateNotFoundError, type ExecLocation } from './errors.js';
export {
  GoInt, GoSlice, GoTypedMap, GoStruct, GoFunc, type GoValue, type GoFuncDef, type CallContext, type IntKind, type ParamType,
  type GoKind, ANY, REFLECT_VALUE, goInt, goInt64, goMap, kindOf, typeName, isTrue, lengthOf, sortedKeys,
  compareGoStrings, utf8Length, mapEntries, zeroValue, nameMapType, type NamedType,
} from './value.js';
export { defineMapMethods, type MapMethodFactory } from './map-methods.js';
export { jsonFields } from './json-fields.js';
export { Iface, type ExecValue, type MissingKeyMode } from './exec-state.js';
export { ExecBudget, BudgetExceededError, isStackOverflow, type BudgetLimits } from './budget.js';
export { sprint, sprintf, sprintln } from './fmt/print.js';
export { formatFloat } from './fmt/float.js';
export { quote, quoteToASCII, unquote } from './strconv.js';
export { htmlEscape, jsEscape, urlQueryEscape } from './escape.js';
