import { isPlainObject, type JsonObject } from './stored-event';

/** A command as its issuer names it: idempotency keys belong to the principal who sent them (ARCHITECTURE §4). */
export interface IssuedCommand {
  /** `metadata.actor.id` of the events the command recorded: the authenticated principal. */
  readonly actorId: string;
  /** `metadata.commandId`: the Idempotency-Key, or a generated id. */
  readonly commandId: string;
}

/**
 * The indexed form of an issued command: the actor id in hex (UTF-8), a colon, the command id. Hex has no colon, so
 * no two (actor, command) pairs share a key, whatever characters either holds; and the schema migrations compute the
 * same form from stored metadata with the databases' own hex functions.
 */
export function commandKey({ actorId, commandId }: IssuedCommand): string {
  return `${Buffer.from(actorId, 'utf8').toString('hex')}:${commandId}`;
}

/** The command that recorded an event, when its metadata names both the actor and the command id. */
export function issuedCommandOf(metadata: JsonObject): IssuedCommand | undefined {
  const { actor, commandId } = metadata;
  const actorId = isPlainObject(actor) ? actor.id : undefined;
  if (typeof actorId !== 'string' || typeof commandId !== 'string') return undefined;
  return { actorId, commandId };
}

/** Whether an event's metadata says that this command of this principal recorded it. */
export function isRecordedBy(metadata: JsonObject, command: IssuedCommand): boolean {
  const issued = issuedCommandOf(metadata);
  return issued?.actorId === command.actorId && issued.commandId === command.commandId;
}
