import annualReport from './annual-report';
import reviewCase from './review-case';

export default { 'annual-report': annualReport, 'review-case': reviewCase };
