/** Errors a handler may throw; one middleware (error-handler.ts) maps them to a status and a page. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    /** Safe to show to a member. */
    readonly publicMessage: string,
  ) {
    super(publicMessage);
  }
}

export class BadRequest extends HttpError {
  constructor(message = 'The request could not be understood.') {
    super(400, message);
  }
}

/** A body in a form or encoding the route does not read (multipart, an unknown Content-Encoding). */
export class UnsupportedMediaType extends HttpError {
  constructor(message = 'This kind of request is not accepted here.') {
    super(415, message);
  }
}

export class NotFound extends HttpError {
  constructor(message = 'We could not find that page.') {
    super(404, message);
  }
}

export class Forbidden extends HttpError {
  constructor(message = 'You do not have permission to do that.') {
    super(403, message);
  }
}

/** The browser did not send cookies back, so the basket and login cannot work. */
export class CookiesRequired extends HttpError {
  constructor() {
    super(400, 'Your browser is not accepting cookies.');
  }
}

/** The visit ended (logged out, perhaps in another tab) while a request that changes it was on its way. */
export class VisitEnded extends HttpError {
  constructor() {
    super(409, 'Your visit ended before this could be done (did you log out in another tab?), so nothing was changed. Please try again.');
  }
}

/** A state-changing request that did not come from one of our own forms. */
export class FormTokenInvalid extends HttpError {
  constructor() {
    super(403, 'This form could not be accepted, because it did not come from this catalogue or your visit has changed since the page was loaded.');
  }
}
