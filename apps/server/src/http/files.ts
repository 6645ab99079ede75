import type { FastifyReply } from 'fastify';

/** A generated file as an attachment, never cached (the route's schema describes only its errors). */
export function sendAttachment(reply: FastifyReply, type: string, name: string, content: string | Buffer) {
  return reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('cache-control', 'private, no-store')
    .send(content);
}
