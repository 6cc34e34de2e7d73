// An anchor the auditor gave that cannot be used (a pin the instance key did not sign, a malformed witness key, a
// certificate no TSA may sign with): it says nothing about the export, so the verdict is UNUSABLE, not TAMPERED.

export class TrustOptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TrustOptionError';
  }
}
