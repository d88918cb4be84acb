import publicRegister from './public-register';
import regulations from './regulations';

export default { regulations, 'public-register': publicRegister };
