/** The path every route of the API is under, but the health checks, the metrics, the documentation and `GET /`. */
export const API_PREFIX = 'api/v1';
