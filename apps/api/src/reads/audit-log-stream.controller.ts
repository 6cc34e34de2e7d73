import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import { ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { READ_CONTEXT } from '@portfolio/application';
import { followAuditLog, parsePosition, type Language, type ReadContext } from '@portfolio/read-models';
import type { Response } from 'express';
import { Roles } from '../auth/roles.decorator';
import { NegotiatesLanguage, ResponseLanguage } from '../http/language';
import { Problems } from '../http/problems';
import { ReadQuery } from '../http/query-fields';
import { READER_ROLES, ReadProblems } from '../http/read-queries';
import { AuditLogStreamQueryDto } from './audit-log-stream-query.dto';
import { writeEventStream } from './event-stream-writer';
import { EventStreams } from './event-streams';
import { EVENT_STREAM_CONTENT_TYPE } from './server-sent-events';

const STREAM_FORMAT =
  'Server-Sent Events: first `retry:` (how long to wait before reconnecting), then, for each event the filters ' +
  'select, in position order and once the read models include it, a message whose `id` is its position and whose ' +
  'one `data` line is the JSON item a page of /events holds (its summary in the negotiated language); no `event` ' +
  'field, so an EventSource receives every event in `onmessage`, its domain type in `type`. A `: keep-alive` comment ' +
  'when nothing came for a while. The stream ends once past `toPosition`, or when the instance stops; reconnect ' +
  'with Last-Event-ID (an EventSource does) and nothing is lost or repeated.';

@ApiTags('audit')
@Controller('events/stream')
@Roles(...READER_ROLES)
export class AuditLogStreamController {
  constructor(
    @Inject(READ_CONTEXT) private readonly reads: ReadContext,
    private readonly streams: EventStreams,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'streamEvents', summary: 'The audit log, live, as Server-Sent Events' })
  @ReadProblems({ temporal: false })
  @Problems([503, 'every event stream of this instance is taken, or it is stopping; try again after Retry-After'])
  @NegotiatesLanguage()
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'start after this position: the id of the last event received, as an EventSource resends it',
  })
  @ApiNoContentResponse({
    description: 'resumed at or past `toPosition`: the stream has ended, and a 204 stops an EventSource reconnecting',
  })
  @ApiProduces(EVENT_STREAM_CONTENT_TYPE)
  @ApiOkResponse({
    description: 'the events after the starting position, then each new one as it is recorded',
    content: { [EVENT_STREAM_CONTENT_TYPE]: { schema: { type: 'string', description: STREAM_FORMAT } } },
  })
  async stream(
    @ReadQuery(AuditLogStreamQueryDto) query: AuditLogStreamQueryDto,
    @ResponseLanguage() language: Language,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const { after: given, ...criteria } = query;
    const resumed = lastEventId?.trim() ? parsePosition(lastEventId.trim(), 'Last-Event-ID', 'header') : undefined;
    // Neither: the head of the log, so that only the events recorded from now on are sent.
    const after = resumed ?? given ?? (await this.reads.store.head());
    // A stream that ended at toPosition is resumed by its EventSource; only a 204 stops that reconnecting for good.
    if (criteria.toPosition !== undefined && after >= criteria.toPosition) return void response.status(204).end();
    await this.streams.serve(response, (signal) =>
      writeEventStream(
        response,
        followAuditLog(this.reads, criteria, after, { language, idleMs: this.streams.heartbeatMs, signal }),
        signal,
      ),
    );
  }
}
