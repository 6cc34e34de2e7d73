import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** OpenAPI description at /docs-json and its UI at /docs, generated from the controllers and DTOs. */
export function serveOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('portfolio-ledger')
    .setDescription(
      'Event-sourced ledger of a transformation portfolio: commands for the programme office, bi-temporal reads for ' +
        'reviewers, a verifiable audit trail for auditors. Errors are RFC 9457 application/problem+json. What people ' +
        "read (problems' title, detail and field messages; history summaries) is in French or English as " +
        'Accept-Language prefers, French by default; such responses carry Content-Language.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'an API token or an OIDC access token (JWT)' })
    .addSecurityRequirements('bearer')
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, config), {
    jsonDocumentUrl: 'docs-json',
  });
}
