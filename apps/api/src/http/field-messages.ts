/**
 * The French of a field's refusal by a DTO's rules, keyed by the rule (class-validator's constraint name), naming the
 * field. (The English is the rule's own message.)
 */
const FRENCH_FIELD_MESSAGES: Readonly<Record<string, (path: string) => string>> = {
  isDefined: (path) => `${path} est obligatoire`,
  isNotEmpty: (path) => `${path} est obligatoire et ne doit pas être vide`,
  isString: (path) => `${path} doit être du texte`,
  maxLength: (path) => `${path} dépasse la longueur permise`,
  matches: (path) => `${path} n’a pas le format attendu`,
  isNumber: (path) => `${path} doit être un nombre fini`,
  isBoolean: (path) => `${path} doit valoir true ou false`,
  isIn: (path) => `${path} doit être l’une des valeurs permises`,
  isArray: (path) => `${path} doit être une liste`,
  arrayMinSize: (path) => `${path} ne compte pas assez d’éléments`,
  arrayMaxSize: (path) => `${path} compte trop d’éléments`,
  nestedValidation: (path) => `${path} doit être un objet`,
  isRealIsoDate: (path) => `${path} doit être une date du calendrier écrite AAAA-MM-JJ`,
  whitelistValidation: (path) => `${path} n’est pas un champ de cette requête`,
  unknownValue: (path) => `${path} : le corps de la requête doit être un objet JSON`,
};

/** A rule this catalogue does not know yet still answers in French, naming the field. */
export function frenchFieldMessage(constraint: string, path: string): string {
  return (FRENCH_FIELD_MESSAGES[constraint] ?? ((field: string) => `${field} n’est pas valable`))(path);
}
