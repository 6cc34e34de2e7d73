import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '@portfolio/read-models';
import type { Request, Response } from 'express';

/**
 * The language of the request's Accept-Language (RFC 9110 §12.5.4), by Express's negotiation: q-values honoured,
 * `fr-FR` served by `fr`. French when the header is absent, is `*` or accepts none of the API's languages.
 */
export function negotiateLanguage(request: Pick<Request, 'acceptsLanguages'>): Language {
  const accepted = request.acceptsLanguages(...LANGUAGES);
  return LANGUAGES.find((language) => language === accepted) ?? DEFAULT_LANGUAGE;
}

/** Says which language the response is in, and that it depends on Accept-Language (for caches). */
export function announceLanguage(response: Response, language: Language): void {
  response.setHeader('Content-Language', language);
  response.vary('Accept-Language');
}

/**
 * The language a handler answers in, negotiated from the request and announced on its response: for the reads whose
 * texts are written for people (history summaries).
 */
export const ResponseLanguage = createParamDecorator((_data: unknown, context: ExecutionContext): Language => {
  const http = context.switchToHttp();
  const language = negotiateLanguage(http.getRequest<Request>());
  announceLanguage(http.getResponse<Response>(), language);
  return language;
});

/** Documents the Accept-Language a read with texts for people honours. */
export function NegotiatesLanguage(): MethodDecorator {
  return ApiHeader({
    name: 'Accept-Language',
    required: false,
    description: 'fr (the default) or en, q-values honoured; the answer says which in Content-Language',
  });
}
