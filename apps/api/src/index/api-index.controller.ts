import { Controller, Get } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { theProduct } from '@portfolio/application';
import { Public } from '../auth/public.decorator';
import { API_PREFIX } from '../http/api-prefix';

/** What `GET /` answers: what this service is, and where to go from here. */
export interface ApiIndex {
  readonly name: string;
  readonly version: string;
  readonly description: string;
  readonly authentication: string;
  readonly links: Readonly<Record<string, string>>;
}

const api = (path: string) => `/${API_PREFIX}/${path}`;

/**
 * `GET /` for API clients: a JSON index of the API. Browsers, which prefer HTML, get the web workspace there instead
 * (web/serve-workspace.ts answers them before this controller). Public, as the documentation it points to; not an
 * operation of the OpenAPI document, which it links.
 */
@ApiExcludeController()
@Public()
@Controller()
export class ApiIndexController {
  @Get()
  index(): ApiIndex {
    const { name, version, description } = theProduct();
    return {
      name,
      version,
      description,
      authentication:
        'every route under /' + API_PREFIX + ' takes Authorization: Bearer <API token or OIDC JWT>; see the docs',
      links: {
        openapi: '/docs-json',
        docs: '/docs',
        liveness: '/health/live',
        readiness: '/health/ready',
        session: api('session'),
        portfolio: api('portfolio'),
        missions: api('missions'),
        projects: api('projects'),
        milestones: api('milestones'),
        reviewCycles: api('review-cycles'),
        events: api('events'),
        auditExport: api('audit/export'),
        auditCheckpoints: api('audit/checkpoints'),
        auditPublicKey: api('audit/public-key'),
      },
    };
  }
}
