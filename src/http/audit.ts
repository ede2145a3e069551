/**
 * The audit log: one `audit` line through the server's logger for every request to a push route (upload,
 * provenance upload, delete), whether it succeeded or was refused: who (user, and how they logged in, or
 * the user name of refused basic-auth credentials),
 * what (route, chart file or name and version), where (tenant), from which address, and the status.
 *
 *   2026-11-25T22:00:00.000Z INFO audit action=upload tenant=class/alice user=alice via=password
 *     target=mychart-0.1.0.tgz clientIp=10.0.0.7 status=201
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { namespaceOf } from './auth.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** What a push route changed (file names), set by its handler once known. */
    auditTarget?: string;
  }
}

const ACTION_NAMES: Record<string, string> = { upload: 'upload', uploadProv: 'upload-prov', deleteVersion: 'delete' };

/** Adds the onResponse hook that writes the audit lines. */
export function installAuditLog(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    const match = request.routeMatch;
    if (!match || match.action !== 'push') return;
    request.log.info(auditRecord(request, reply.statusCode), 'audit');
  });
}

function auditRecord(request: FastifyRequest, status: number): Record<string, unknown> {
  const match = request.routeMatch as NonNullable<FastifyRequest['routeMatch']>;
  const { name, version } = match.params;
  const target = request.auditTarget ?? (name && version ? `${name}-${version}` : undefined);
  return {
    action: ACTION_NAMES[match.route] ?? match.route,
    tenant: namespaceOf(match),
    user: request.principal?.name ?? 'anonymous',
    via: request.principal?.via ?? 'none',
    ...(request.principal?.token ? { token: request.principal.token } : {}),
    ...(request.attemptedUser !== undefined ? { attemptedUser: request.attemptedUser } : {}),
    ...(target ? { target } : {}),
    clientIp: request.ip,
    status,
  };
}
