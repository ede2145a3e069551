/**
 * Edits of the users file text for `chartroom user add` and `chartroom token create`. They work on the YAML
 * document, so comments and the order of other users survive, and the result is parsed again before it is
 * returned: an edit never produces a file the server would refuse.
 */
import YAML, { isMap, isSeq, type Document } from 'yaml';
import { parseGrant } from './grants.js';
import { parseUsersFile, USER_NAME, UsersFileError } from './users-file.js';

/** Sets a user's password hash, creating the user if needed; `grants` (when given) replace the old ones. */
export function setUserPassword(text: string, name: string, passwordHash: string, grants?: readonly string[]): string {
  assertUserName(name);
  grants?.forEach((g) => parseGrant(g));
  const doc = parseDocument(text);
  doc.setIn(['users', name, 'password'], passwordHash);
  if (grants) doc.setIn(['users', name, 'grants'], doc.createNode([...grants], { flow: true }));
  else if (!doc.hasIn(['users', name, 'grants'])) doc.setIn(['users', name, 'grants'], doc.createNode([], { flow: true }));
  return finish(doc);
}

/** Adds an API token (by its SHA-256) to an existing user; a token of the same name is replaced. */
export function addUserToken(text: string, name: string, tokenName: string, sha256: string): string {
  const doc = parseDocument(text);
  if (!doc.hasIn(['users', name])) throw new UsersFileError(`no user ${JSON.stringify(name)} in the users file; add it with "chartroom user add ${name}"`);
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(tokenName)) throw new UsersFileError(`invalid token name ${JSON.stringify(tokenName)}`);
  const tokens = doc.getIn(['users', name, 'tokens']);
  const entry = doc.createNode({ name: tokenName, sha256 });
  if (isSeq(tokens)) {
    const at = tokens.items.findIndex((item) => isMap(item) && item.get('name') === tokenName);
    if (at >= 0) tokens.items[at] = entry;
    else tokens.items.push(entry);
  } else {
    doc.setIn(['users', name, 'tokens'], doc.createNode([{ name: tokenName, sha256 }]));
  }
  return finish(doc);
}

/** Removes a user (and with them their tokens). Throws UsersFileError if there is no such user. */
export function removeUser(text: string, name: string): string {
  const doc = parseDocument(text);
  if (!doc.hasIn(['users', name])) throw new UsersFileError(`no user ${JSON.stringify(name)} in the users file`);
  doc.deleteIn(['users', name]);
  return finish(doc);
}

/** Removes one API token of a user by its name. Throws UsersFileError if there is no such token. */
export function removeUserToken(text: string, name: string, tokenName: string): string {
  const doc = parseDocument(text);
  const tokens = doc.getIn(['users', name, 'tokens']);
  const at = isSeq(tokens) ? tokens.items.findIndex((item) => isMap(item) && item.get('name') === tokenName) : -1;
  if (!isSeq(tokens) || at < 0) throw new UsersFileError(`user ${JSON.stringify(name)} has no token named ${JSON.stringify(tokenName)}`);
  tokens.items.splice(at, 1);
  return finish(doc);
}

function parseDocument(text: string): Document {
  if (text.trim() === '') return new YAML.Document({ users: {} });
  const doc = YAML.parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) throw new UsersFileError(`users file is not valid YAML: ${doc.errors[0]?.message.split('\n')[0]}`);
  if (!doc.has('users') || doc.get('users') === null) doc.set('users', doc.createNode({}));
  return doc;
}

function finish(doc: Document): string {
  const text = doc.toString();
  parseUsersFile(text);
  return text;
}

function assertUserName(name: string): void {
  if (!USER_NAME.test(name)) throw new UsersFileError(`invalid user name ${JSON.stringify(name)}: use letters, digits and ._@- (at most 64)`);
}
