import type en from '../en/prompt';

const zh: Record<keyof typeof en, string> = {
};
export default zh;
