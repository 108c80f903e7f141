// Plain CommonJS JavaScript, exporting through module.exports.
const { CustomResource } = require("@cairn/sdk");
const { label } = require("./label.js");

const topic = new CustomResource("test:index:Topic", label, {});

module.exports = { topicId: topic.id, kind: "js" };
