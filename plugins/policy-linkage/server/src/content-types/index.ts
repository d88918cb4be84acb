import interpretation from './interpretation';
import policyReview from './policy-review';
import reviewEvent from './review-event';

export default {
  interpretation,
  'policy-review': policyReview,
  'review-event': reviewEvent,
};
