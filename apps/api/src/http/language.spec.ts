import { request as requestPrototype, type Request } from 'express';
import { negotiateLanguage } from './language';

/** A request as Express builds it, with only the headers given. */
function requestWith(acceptLanguage?: string): Request {
  const request = Object.create(requestPrototype) as Request;
  request.headers = acceptLanguage === undefined ? {} : { 'accept-language': acceptLanguage };
  return request;
}

describe('negotiateLanguage', () => {
  it('answers in French when the request says nothing of its language', () => {
    expect(negotiateLanguage(requestWith())).toBe('fr');
  });

  it.each([
    ['*', 'fr'],
    ['en', 'en'],
    ['fr', 'fr'],
    ['en-GB', 'en'],
    ['fr-FR,fr;q=0.9,en;q=0.8', 'fr'],
    ['en;q=0.9, fr;q=0.8', 'en'],
    ['de, en;q=0.5', 'en'],
    ['de, *;q=0.1', 'fr'],
  ])('honours the preferences and q-values of %p: %p', (header, language) => {
    expect(negotiateLanguage(requestWith(header))).toBe(language);
  });

  it.each(['de', 'en;q=0', 'not a language;;q=x', ''])(
    'falls back to French when %p accepts none of its languages',
    (header) => {
      expect(negotiateLanguage(requestWith(header))).toBe('fr');
    },
  );
});
