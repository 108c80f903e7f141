// CommonJS entrypoint form: module.exports is an async function returning the outputs.
const { CustomResource } = require("@cairn/sdk");

module.exports = async () => {
  const q = new CustomResource("test:index:Queue", "jobs", {});
  return { queueId: q.id };
};
